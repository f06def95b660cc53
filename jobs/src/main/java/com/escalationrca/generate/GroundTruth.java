package com.escalationrca.generate;

import java.util.List;

/** What a generated dataset holds: its spec, its size and the causes planted in it. */
public record GroundTruth(GeneratorSpec spec, long escalations, List<PlantedCause> causes) {

  public GroundTruth {
    causes = List.copyOf(causes);
  }
}
