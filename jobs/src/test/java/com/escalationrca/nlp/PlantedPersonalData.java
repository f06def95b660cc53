package com.escalationrca.nlp;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A labelled set of personal data planted in real narratives (the CFPB fixture): person names
 * after the cues people write in English, Portuguese and Spanish, street addresses, obfuscated
 * e-mail addresses, national ids and phone numbers of BR, MX, AR, CO, ES and the US. Each plant
 * knows the secrets it carries, so a redactor's recall is counted, not eyeballed.
 */
final class PlantedPersonalData {

  /** One planted string in one narrative, and the words that must not survive redaction. */
  record Plant(String category, String host, String text, String planted, List<String> secrets) {
  }

  private static final String[] FIRST = {"Maria", "John", "Ana", "Carlos", "Joana", "Pedro", "Lucia", "James",
      "Fernanda", "Diego", "Sofia", "Miguel", "Emily", "Rafael", "Valentina", "Thiago"};
  private static final String[] LAST = {"Silva", "Smith", "Souza", "Garcia", "Oliveira", "Martinez", "Johnson",
      "Pereira", "Rodriguez", "Costa", "Fernandez", "Almeida", "Lopez", "Brown", "Santos", "Herrera"};

  private PlantedPersonalData() {
  }

  static List<String> narratives() throws IOException {
    try (Reader reader = new InputStreamReader(PlantedPersonalData.class.getResourceAsStream("/fixtures/cfpb-narratives.csv"),
        StandardCharsets.UTF_8)) {
      List<String> narratives = new ArrayList<>();
      for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        String narrative = record.get("Consumer complaint narrative");
        if (narrative.length() > 80) {
          narratives.add(narrative);
        }
      }
      return narratives;
    }
  }

  private record Template(String category, Function<Random, String[]> make) {
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String digits(Random random, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? 1 + random.nextInt(9) : random.nextInt(10));
    }
    return s.toString();
  }

  /** Each template gives {planted text, secret, secret…}. */
  private static final List<Template> TEMPLATES = List.of(
      name("my name is %s %s", false), name("My name is %s %s.", false), name("my name is %s %s", true),
      name("Customer %s %s called again.", false), name("Hi %s,", false), name("Thanks, %s %s", false),
      name("Regards, %s %s", false), name("Dear %s %s,", false), name("Mr. %2$s refused.", false),
      name("the agent, %s %s, hung up", false),
      name("meu nome é %s %s", false), name("me chamo %s %s", true), name("Olá %s,", false),
      name("Atenciosamente, %s %s", false), name("a cliente %s %s ligou", false), name("Sra. %2$s", false),
      name("me llamo %s %s", false), name("mi nombre es %s %s", true), name("Hola %s,", false),
      name("Saludos, %s %s", false), name("el cliente %s %s llamó", false), name("Sr. %2$s", false),
      new Template("address", r -> street(r, "%s %s Street", "Baker", "Maple", "Oak", "Cedar")),
      new Template("address", r -> street(r, "lives at %s %s Avenue", "Lincoln", "Park", "Madison")),
      new Template("address", r -> street(r, "at %s %s Rd", "Mill", "Hill", "Church")),
      new Template("address", r -> streetAfter(r, "Rua %s, %s", "das Flores", "Augusta", "Oscar Freire")),
      new Template("address", r -> streetAfter(r, "Av. %s, nº %s", "Paulista", "Atlântica", "Brasil")),
      new Template("address", r -> streetAfter(r, "Calle %s %s", "Mayor", "Alcalá", "Serrano")),
      new Template("address", r -> streetAfter(r, "Avenida %s %s", "Reforma", "Insurgentes", "Corrientes")),
      new Template("address", r -> {
        String n = digits(r, 2);
        return new String[] {"Carrera 7 # " + n + "-10", n + "-10"};
      }),
      email("%s.%s at gmail dot com"), email("%s [at] hotmail [dot] com"), email("%s(at)yahoo(dot)com"),
      email("%s arroba gmail ponto com"), email("%s arroba outlook punto es"), email("%s dot %s at gmail dot com"),
      id("CPF %s", r -> digits(r, 3) + "." + digits(r, 3) + "." + digits(r, 3) + "-" + digits(r, 2)),
      id("CPF %s", r -> digits(r, 11)),
      id("CNPJ %s", r -> digits(r, 2) + "." + digits(r, 3) + "." + digits(r, 3) + "/0001-" + digits(r, 2)),
      id("RG %s", r -> digits(r, 2) + "." + digits(r, 3) + "." + digits(r, 3) + "-" + r.nextInt(10)),
      id("CURP %s", r -> "GODE" + digits(r, 6) + "HDFRRN0" + r.nextInt(10)),
      id("RFC %s", r -> "GODE" + digits(r, 6) + "AB" + r.nextInt(10)),
      id("DNI %s", r -> digits(r, 8) + "Z"),
      id("NIE %s", r -> "X" + digits(r, 7) + "L"),
      id("DNI %s", r -> digits(r, 2) + "." + digits(r, 3) + "." + digits(r, 3)),
      id("cédula %s", r -> "1." + digits(r, 3) + "." + digits(r, 3) + "." + digits(r, 3)),
      phone("(%s) 9%s-%s", 2, 4, 4), phone("+55 %s 3%s-%s", 2, 3, 4), phone("+52 55 %s %s", 4, 4, 0),
      phone("+54 9 11 %s-%s", 4, 4, 0), phone("(011) %s-%s", 4, 4, 0), phone("+57 300 %s %s", 3, 4, 0),
      phone("300 %s %s", 3, 4, 0), phone("+34 612 %s %s", 3, 3, 0), phone("612 %s %s", 3, 3, 0),
      phone("(555) %s-%s", 3, 4, 0));

  private static Template name(String format, boolean lower) {
    return new Template("name", r -> {
      String first = pick(r, FIRST);
      String last = pick(r, LAST);
      String text = String.format(Locale.ROOT, format, first, last);
      if (lower) {
        text = text.toLowerCase(Locale.ROOT);
      }
      List<String> out = new ArrayList<>(List.of(text));
      for (String secret : List.of(first, last)) {
        if (text.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT))) {
          out.add(secret);
        }
      }
      return out.toArray(String[]::new);
    });
  }

  private static String[] street(Random r, String format, String... names) {
    String number = digits(r, 1 + r.nextInt(3));
    String street = pick(r, names);
    return new String[] {String.format(Locale.ROOT, format, number, street), number + " " + street};
  }

  private static String[] streetAfter(Random r, String format, String... names) {
    String street = pick(r, names);
    String number = digits(r, 2 + r.nextInt(3));
    return new String[] {String.format(Locale.ROOT, format, street, number), number};
  }

  private static Template email(String format) {
    return new Template("obfuscated e-mail", r -> {
      String first = pick(r, FIRST).toLowerCase(Locale.ROOT);
      String last = pick(r, LAST).toLowerCase(Locale.ROOT);
      return new String[] {String.format(Locale.ROOT, format, first, last), first};
    });
  }

  private static Template id(String format, Function<Random, String> value) {
    return new Template("national id", r -> {
      String id = value.apply(r);
      return new String[] {String.format(Locale.ROOT, format, id), id};
    });
  }

  private static Template phone(String format, int a, int b, int c) {
    return new Template("phone", r -> {
      String x = digits(r, a);
      String y = digits(r, b);
      String z = c == 0 ? "" : digits(r, c);
      String text = c == 0 ? String.format(Locale.ROOT, format, x, y) : String.format(Locale.ROOT, format, x, y, z);
      return new String[] {text, c == 0 ? y : z};
    });
  }

  /** {@code perTemplate} plants of every template, each in a narrative drawn with {@code seed}. */
  static List<Plant> plants(List<String> narratives, int perTemplate, long seed) {
    Random random = new Random(seed);
    List<Plant> plants = new ArrayList<>();
    for (Template template : TEMPLATES) {
      for (int i = 0; i < perTemplate; i++) {
        String host = narratives.get(random.nextInt(narratives.size()));
        String[] made = template.make().apply(random);
        int cut = host.indexOf(". ", random.nextInt(host.length() / 2));
        String text = cut < 0 ? host + " " + made[0] : host.substring(0, cut + 2) + made[0] + " " + host.substring(cut + 2);
        plants.add(new Plant(template.category(), host, text, made[0], List.of(made).subList(1, made.length)));
      }
    }
    return plants;
  }
}
