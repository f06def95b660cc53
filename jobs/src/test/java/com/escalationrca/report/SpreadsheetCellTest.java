package com.escalationrca.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellTest {

  @Test
  void textThatASpreadsheetWouldRunAsAFormulaIsKeptAsText() {
    assertThat(SpreadsheetCell.of("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(SpreadsheetCell.of("+1+1")).isEqualTo("'+1+1");
    assertThat(SpreadsheetCell.of("-2")).isEqualTo("'-2");
    assertThat(SpreadsheetCell.of("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(SpreadsheetCell.of("the home address")).isEqualTo("the home address");
    assertThat(SpreadsheetCell.of("")).isEmpty();
    assertThat(SpreadsheetCell.of(null)).isNull();
  }
}
