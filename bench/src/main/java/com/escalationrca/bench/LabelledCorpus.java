package com.escalationrca.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A labelled corpus as the nightly job meets it: a file to import with one of the mappings in
 * config/mappings, the run date and window that cover all of it, its narratives by escalation id (in
 * file order; those the import skips are left out) and one or more gold labellings by name.
 */
public record LabelledCorpus(String name, Path file, String mapping, LocalDate firstDay, LocalDate lastDay,
                             Map<String, String> narratives, Map<String, Map<String, String>> golds) {

  public LabelledCorpus {
    narratives = new LinkedHashMap<>(narratives);
    golds = new LinkedHashMap<>(golds);
  }

  /** Days from the first escalation to the last, both included: the window of a run on the last day. */
  public int windowDays() {
    return (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
  }
}
