package com.escalationrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --key=value} sets a configuration key for any command, as the documentation says. */
class SettingArgumentsTest {

  @AfterEach
  void clear() {
    System.clearProperty("rca.run.window-days");
    System.clearProperty("spring.datasource.url");
  }

  @Test
  void settingsBecomeSystemPropertiesAndTheCommandKeepsItsOwnOptions() {
    String[] rest = SettingArguments.apply(new String[] {"run", "--date", "2023-08-24", "--rca.run.window-days=60",
        "--where=market=BR", "--query=card.blocked", "--spring.datasource.url=jdbc:postgresql://db/rca?ssl=true"});

    assertThat(rest).containsExactly("run", "--date", "2023-08-24", "--where=market=BR", "--query=card.blocked");
    assertThat(System.getProperty("rca.run.window-days")).isEqualTo("60");
    assertThat(System.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db/rca?ssl=true");
    String[] run = SettingArguments.apply(new String[] {"run", "--rca.run.window-days=60", "--date", "2023-08-24"});
    assertThat(EscalationRca.commandLine().parseArgs(run).subcommand().commandSpec().name()).isEqualTo("run");
  }
}
