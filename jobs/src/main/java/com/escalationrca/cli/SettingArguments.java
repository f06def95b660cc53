package com.escalationrca.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration keys given on the command line ({@code --rca.run.window-days=60}, as README and
 * docs/configuration.md promise for every command): taken out before picocli parses the command's
 * own options and set as system properties, which Spring reads above {@code config/application.yml}.
 */
final class SettingArguments {

  private static final Pattern SETTING =
      Pattern.compile("--((?:rca|spring|server|logging|management)\\.[A-Za-z0-9.\\[\\]_-]+)=(.*)", Pattern.DOTALL);

  private SettingArguments() {
  }

  /** The arguments without the settings, which are now system properties. */
  static String[] apply(String[] args) {
    List<String> rest = new ArrayList<>();
    for (String arg : args) {
      Matcher setting = SETTING.matcher(arg);
      if (setting.matches()) {
        System.setProperty(setting.group(1), setting.group(2));
      } else {
        rest.add(arg);
      }
    }
    return rest.toArray(String[]::new);
  }
}
