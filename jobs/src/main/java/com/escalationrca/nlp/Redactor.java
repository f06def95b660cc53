package com.escalationrca.nlp;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.escalationrca.web.security.Account;

/**
 * Replaces personal data with placeholders: e-mail addresses (also written "at … dot com",
 * "[at]", "arroba … ponto"), URLs (which carry user ids), @handles, street addresses (en, pt, es),
 * card-like numbers, national ids (SSN, CPF, CNPJ, RG, CURP, RFC, DNI, NIE, dotted AR/CO ids), phone
 * numbers and person names introduced by a cue ("my name is", "Mr.", "Hi …,", "Regards, …",
 * "meu nome é", "a cliente", "me llamo", "Saludos, "…). OpenNLP publishes no name-finder model on
 * Maven Central, so names are found by these cues; over-redaction is the safe side.
 * Everything the job publishes passes through here; the search index keeps the original.
 */
public final class Redactor {

  /**
   * A pattern, its placeholder, and a cheap test that the text can hold a match at all (an '@', a
   * run of digits): most narratives carry no e-mail or number, and the scan costs a fraction of the
   * regular expression's. Placeholders hold no digit, '@' or cue word, so a redaction never makes a
   * later rule's test pass that failed before.
   */
  private record Rule(Pattern pattern, String placeholder, Predicate<Clues> mayMatch) {
  }

  /**
   * What the rules' tests read, taken once from the text before any redaction (placeholders add no
   * digit, '@' or cue word, so what the text lacked it still lacks).
   */
  private record Clues(String lower, boolean at, int digitRun) {
    static Clues of(String text) {
      return new Clues(text.toLowerCase(Locale.ROOT), text.indexOf('@') >= 0, Redactor.digitRun(text));
    }

    boolean mentions(String... words) {
      for (String word : words) {
        if (lower.contains(word)) {
          return true;
        }
      }
      return false;
    }
  }

  /** "john dot doe at gmail dot com", "maria [at] hotmail [dot] com", "joão arroba gmail ponto com". */
  private static final String OBFUSCATED_DOT = "(?:\\s*[\\[({]\\s*(?:dot|ponto|punto)\\s*[\\])}]\\s*|\\s+(?:dot|ponto|punto)\\s+)";
  private static final String OBFUSCATED_AT = "(?:\\s*[\\[({]\\s*(?:at|arroba)\\s*[\\])}]\\s*|\\s+(?:at|arroba)\\s+)";

  /** Street types before the name (pt, es) and after it (en). */
  private static final String STREET_BEFORE = "(?:Rua|R\\.|Avenida|Av\\.|Avda\\.?|Travessa|Tv\\.|Alameda|Al\\.|Praça|Rodovia"
      + "|Estrada|Largo|Calle|C/|Paseo|Plaza|Camino|Ronda|Pasaje|Jirón)";
  private static final String STREET_AFTER = "(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct"
      + "|Way|Place|Pl|Terrace|Circle|Cir|Highway|Hwy)";

  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile("(?i)[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[a-z]{2,}"), "[email]", Clues::at),
      new Rule(Pattern.compile("(?i)\\b[\\p{L}0-9._%+-]+(?:" + OBFUSCATED_DOT + "[\\p{L}0-9_%+-]+)*" + OBFUSCATED_AT
          + "[\\p{L}0-9-]+(?:" + OBFUSCATED_DOT + "[\\p{L}0-9-]+)*" + OBFUSCATED_DOT
          + "(?:com|net|org|edu|gov|io|br|es|mx|ar|co|pt|uk)\\b"), "[email]", c -> c.mentions("dot", "ponto", "punto")),
      new Rule(Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+"), "[url]", c -> c.mentions("http", "www.")),
      new Rule(Pattern.compile("(?<![\\p{L}0-9])@[\\p{L}0-9_]{2,}"), "[handle]", Clues::at),
      // Street addresses: "42 Baker Street", "Rua das Flores, 123", "Av. Paulista, nº 1578",
      // "Calle Mayor 12", "Carrera 7 # 45-10".
      new Rule(Pattern.compile("\\b\\d{1,5}\\s+(?:\\p{Lu}[\\p{L}'-]+\\s+){1,3}" + STREET_AFTER
          + "\\b\\.?(?:,?\\s+(?:Apt|Apartment|Suite|Unit)\\.?\\s*\\w+)?"), "[address]", c -> c.digitRun() >= 1),
      new Rule(Pattern.compile("(?:Carrera|Cra\\.?|Calle|Cl\\.|Diagonal|Transversal)\\s+\\d{1,3}[A-Z]?\\s*(?:#|No\\.?|N[º°])\\s*"
          + "\\d{1,3}[A-Z]?-\\d{1,3}"), "[address]", c -> c.digitRun() >= 1),
      new Rule(Pattern.compile("\\b" + STREET_BEFORE + "\\s+(?:(?:d[aeo]s?|del?|la|las|los|el)\\s+)?\\p{Lu}[\\p{L}'-]*"
          + "(?:\\s+(?:(?:d[aeo]s?|del?|la|las|los|el)\\s+)?\\p{Lu}[\\p{L}'-]*){0,3},?\\s*(?:(?:n[º°o]|núm\\.?|número)\\.?\\s*)?"
          + "\\d{1,5}"), "[address]", c -> c.digitRun() >= 1),
      // Payment cards: 13–19 digits in groups of four, with or without separators.
      new Rule(Pattern.compile("\\b(?:\\d{4}[ -]?){3}\\d{1,7}\\b"), "[card]", c -> c.digitRun() >= 4),
      // National ids: US SSN, BR CPF, CNPJ and RG, MX CURP and RFC, ES DNI and NIE, and the dotted
      // ids of AR and CO (a million or more written with dots, which amounts rarely are).
      new Rule(Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b|\\b\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}\\b"
          + "|\\b\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}\\b|\\b\\d{1,2}\\.\\d{3}\\.\\d{3}-[\\dXx]\\b"
          + "|\\b[A-Z]{4}\\d{6}[HM][A-Z]{5}[A-Z0-9]\\d\\b|\\b[A-ZÑ&]{3,4}\\d{6}[A-Z0-9]{3}\\b"
          + "|\\b\\d{8}-?[A-Z]\\b|\\b[XYZ]-?\\d{7}-?[A-Z]\\b|\\b\\d{1,3}(?:\\.\\d{3}){2,3}\\b"), "[id]", c -> c.digitRun() >= 3),
      // Account and other long plain numbers, before phones so they keep their own placeholder.
      new Rule(Pattern.compile("\\b\\d{6,}\\b"), "[number]", c -> c.digitRun() >= 6),
      new Rule(Pattern.compile("\\+?\\(?\\d[\\d ().-]{5,}\\d"), "[phone]", c -> c.digitRun() >= 1));

  /** What follows "Customer", "Dear" or "Hi" in complaints without being a person. */
  private static final String NOT_A_TEAM = "(?!(?:Service|Services|Support|Care|Relations|Department|Dept|Team|Experience"
      + "|Success|Portal|Sir|Sirs|Madam|Customer|Representative|Agent|XXXX|Atendimento|Cliente|Servicio"
      // A title is a cue of its own: "Hello, Mr. Carter" is redacted from "Mr.", not from "Hello".
      + "|Mr|Mrs|Ms|Miss|Dr|Sr|Sra|Srta|Dona|Don|Doña)\\b)";

  /** A cue, then one to three capitalised words: the name ("Mr. Carter", "Hi Maria,", "Atenciosamente, Ana Costa"). */
  private static final Pattern NAME = Pattern.compile(
      "(\\b(?i:my name is|my name's|named|mr\\.?|mrs\\.?|ms\\.?|miss|dr\\.?"
          + "|meu nome é|me chamo|chamado|chamada|sr\\.?|sra\\.?|srta\\.?|me llamo|mi nombre es|llamado|llamada"
          + "|customer|client|cliente|user|usuári[oa]|usuari[oa]|agent|agente|atendente|reporter|dona|doña|don"
          + "|dear|prezad[oa]|estimad[oa]|querid[oa]|hi|hello|hey|ol[áa]|oi|hola"
          + "|thanks|thank you|regards|best regards|sincerely|atenciosamente|obrigad[oa]|saludos|gracias|cordialmente)"
          + "[,:]?\\s+)" + NOT_A_TEAM + "(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2})");

  /** Not a name, after "my name is": the words people write there when they do not give one. */
  private static final String NOT_A_NAME = "(?!(?i:is|was|not|being|on|in|the|a|an|and|e|y|o|de|que|for|to|also|still|but|mas"
      + "|pero|used|usado|usada|assim|así|so|this|that|isso|eso|xxxx)\\b)";

  /** A first-person cue gives the name whatever its case ("my name is maria silva"): one or two words. */
  private static final Pattern OWN_NAME = Pattern.compile(
      "((?i:my name is|my name's|meu nome é|meu nome e|me chamo|me llamo|mi nombre es)\\s+)(" + NOT_A_NAME
          + "\\p{L}[\\p{L}'-]+(?:\\s+" + NOT_A_NAME + "\\p{L}[\\p{L}'-]+)?)");

  public String redact(String text) {
    return redact(text, true);
  }

  /** Every rule on every text, tests or not: what {@link #redact} must equal (tested). */
  String redactByEveryRule(String text) {
    return redact(text, false);
  }

  private String redact(String text, boolean skipImpossible) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Clues clues = Clues.of(text);
    String result = text;
    for (Rule rule : RULES) {
      if (!skipImpossible || rule.mayMatch().test(clues)) {
        result = rule.pattern().matcher(result).replaceAll(Matcher.quoteReplacement(rule.placeholder()));
      }
    }
    if (!skipImpossible || clues.mentions("name", "nome", "chamo", "llamo", "nombre")) {
      result = OWN_NAME.matcher(result).replaceAll("$1[name]");
    }
    return NAME.matcher(result).replaceAll("$1[name]");
  }

  /** The longest run of ASCII digits (every number pattern here needs one of some length). */
  static int digitRun(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = c >= '0' && c <= '9' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
