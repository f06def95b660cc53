package com.escalationrca.nlp;

import java.util.List;
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

  private record Rule(Pattern pattern, String placeholder) {
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
      new Rule(Pattern.compile("(?i)[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[a-z]{2,}"), "[email]"),
      new Rule(Pattern.compile("(?i)\\b[\\p{L}0-9._%+-]+(?:" + OBFUSCATED_DOT + "[\\p{L}0-9_%+-]+)*" + OBFUSCATED_AT
          + "[\\p{L}0-9-]+(?:" + OBFUSCATED_DOT + "[\\p{L}0-9-]+)*" + OBFUSCATED_DOT
          + "(?:com|net|org|edu|gov|io|br|es|mx|ar|co|pt|uk)\\b"), "[email]"),
      new Rule(Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+"), "[url]"),
      new Rule(Pattern.compile("(?<![\\p{L}0-9])@[\\p{L}0-9_]{2,}"), "[handle]"),
      // Street addresses: "42 Baker Street", "Rua das Flores, 123", "Av. Paulista, nº 1578",
      // "Calle Mayor 12", "Carrera 7 # 45-10".
      new Rule(Pattern.compile("\\b\\d{1,5}\\s+(?:\\p{Lu}[\\p{L}'-]+\\s+){1,3}" + STREET_AFTER
          + "\\b\\.?(?:,?\\s+(?:Apt|Apartment|Suite|Unit)\\.?\\s*\\w+)?"), "[address]"),
      new Rule(Pattern.compile("(?:Carrera|Cra\\.?|Calle|Cl\\.|Diagonal|Transversal)\\s+\\d{1,3}[A-Z]?\\s*(?:#|No\\.?|N[º°])\\s*"
          + "\\d{1,3}[A-Z]?-\\d{1,3}"), "[address]"),
      new Rule(Pattern.compile("\\b" + STREET_BEFORE + "\\s+(?:(?:d[aeo]s?|del?|la|las|los|el)\\s+)?\\p{Lu}[\\p{L}'-]*"
          + "(?:\\s+(?:(?:d[aeo]s?|del?|la|las|los|el)\\s+)?\\p{Lu}[\\p{L}'-]*){0,3},?\\s*(?:(?:n[º°o]|núm\\.?|número)\\.?\\s*)?"
          + "\\d{1,5}"), "[address]"),
      // Payment cards: 13–19 digits in groups of four, with or without separators.
      new Rule(Pattern.compile("\\b(?:\\d{4}[ -]?){3}\\d{1,7}\\b"), "[card]"),
      // National ids: US SSN, BR CPF, CNPJ and RG, MX CURP and RFC, ES DNI and NIE, and the dotted
      // ids of AR and CO (a million or more written with dots, which amounts rarely are).
      new Rule(Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b|\\b\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}\\b"
          + "|\\b\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}\\b|\\b\\d{1,2}\\.\\d{3}\\.\\d{3}-[\\dXx]\\b"
          + "|\\b[A-Z]{4}\\d{6}[HM][A-Z]{5}[A-Z0-9]\\d\\b|\\b[A-ZÑ&]{3,4}\\d{6}[A-Z0-9]{3}\\b"
          + "|\\b\\d{8}-?[A-Z]\\b|\\b[XYZ]-?\\d{7}-?[A-Z]\\b|\\b\\d{1,3}(?:\\.\\d{3}){2,3}\\b"), "[id]"),
      // Account and other long plain numbers, before phones so they keep their own placeholder.
      new Rule(Pattern.compile("\\b\\d{6,}\\b"), "[number]"),
      new Rule(Pattern.compile("\\+?\\(?\\d[\\d ().-]{5,}\\d"), "[phone]"));

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
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (Rule rule : RULES) {
      result = rule.pattern().matcher(result).replaceAll(Matcher.quoteReplacement(rule.placeholder()));
    }
    result = OWN_NAME.matcher(result).replaceAll("$1[name]");
    return NAME.matcher(result).replaceAll("$1[name]");
  }
}
