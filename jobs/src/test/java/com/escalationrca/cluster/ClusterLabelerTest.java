package com.escalationrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClusterLabelerTest {

  private static List<List<String>> members(int count, List<String> phrases) {
    return java.util.Collections.nCopies(count, phrases);
  }

  @Test
  void eachClusterIsNamedByItsMostParticularPhrase() {
    List<String> labels = new ClusterLabeler().label(List.of(
        members(10, List.of("cartão bloqueado", "central atendimento")),
        members(8, List.of("caixa eletrônico", "central atendimento"))), List.of(List.of("a"), List.of("b")));

    assertThat(labels).containsExactly("cartão bloqueado", "caixa eletrônico");
  }

  @Test
  void twoClustersOfOneProblemNeverReadTheSame() {
    // A problem the clustering split: every cluster's best phrase is "caixa eletrônico".
    List<List<String>> a = new java.util.ArrayList<>(members(18, List.of("caixa eletrônico")));
    a.addAll(members(2, List.of("caixa eletrônico", "saque não realizado")));
    List<List<String>> b = new java.util.ArrayList<>(members(14, List.of("caixa eletrônico")));
    b.addAll(members(2, List.of("caixa eletrônico", "depósito não creditado")));
    List<String> labels = new ClusterLabeler().label(List.of(a, b, members(6, List.of("caixa eletrônico"))),
        List.of(List.of("caixa"), List.of("depósito"), List.of("caixa", "eletrônico", "saque")));

    assertThat(labels).containsExactly("caixa eletrônico", "depósito não creditado",
        "caixa eletrônico · caixa / eletrônico / saque");
  }
}
