package com.escalationrca.nlp;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Words that Lucene's Portuguese and Spanish stop sets miss but complaints are full of: informal and
 * unaccented spellings (nao, pra, tá, vc, q, hj, pq, tb; xq, ud), greetings and sign-offs, verbs of
 * saying, trying and being ("consigo falar"), connectives ("porque", "fato ocorrido"), demonstratives
 * contracted with a preposition ("neste banco") and fillers ("tipo de situação"), and the calendar (months, weekdays, "dia", "semana"). None of them says what a
 * problem is, and as labels they read "bom dia", "vou pagar", "havia sido". Compared accent-folded,
 * so "nao" and "não" are one word.
 */
final class InformalStopWords {

  private static final Set<String> SHARED = Set.of(
      "q", "pq", "xq", "tb", "tbm", "tmb", "ok", "att", "sr", "sra", "dr", "dra", "etc", "vez", "vezes",
      "dia", "dias", "mes", "meses", "ano", "anos", "semana", "semanas", "hora", "horas", "hoje", "hj", "ontem",
      "agora", "ainda", "ja", "ya", "aqui", "ai", "ahi", "alli", "la", "so", "solo", "sempre", "siempre", "nunca",
      "nada", "tudo", "todo", "todos", "todas", "algo", "alguem", "alguien", "cada", "outro", "otro", "outra",
      "otra", "mesmo", "mismo", "mesma", "misma", "vc", "vcs", "voce", "voces", "ud", "uds", "usted", "ustedes");

  private static final Set<String> PORTUGUESE = Set.of(
      "nao", "pra", "pro", "pras", "pros", "ta", "to", "ne", "entao", "tambem", "porem", "pois", "apos", "ate",
      "sobre", "ola", "oi", "bom", "boa", "tarde", "noite", "obrigado", "obrigada", "atenciosamente", "favor",
      "ser", "ter", "estar", "fazer", "foi", "fui", "foram", "era", "sido", "havia", "ha", "tinha", "tenho",
      "tem", "temos", "vou", "vai", "vamos", "estou", "esta", "estava", "estao", "fiz", "feito", "fez", "disse",
      "disseram", "falou", "falaram", "falei", "informou", "informaram", "informei", "pedi", "pediu", "consegui",
      "conseguir", "consigo", "consegue", "conseguem", "conseguiu", "tentei", "tentar", "tento", "falar", "fala",
      "falo", "dizer", "diz", "dizem", "preciso", "precisa", "quero", "queria", "posso", "pode", "podem", "dar",
      "deu", "ver", "vi", "porque", "fato", "ocorrido", "referente", "dando",
      // Demonstratives contracted with a preposition, and fillers: "neste banco", "tipo de situação".
      "neste", "nesta", "nesse", "nessa", "nisso", "nisto", "deste", "desta", "desse", "dessa", "disso", "disto",
      "naquele", "naquela", "daquele", "daquela", "tipo", "situacao",
      "janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
      "novembro", "dezembro", "segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo", "feira",
      "aqui");

  private static final Set<String> SPANISH = Set.of(
      "hola", "buenos", "buenas", "tardes", "noches", "gracias", "saludos", "atentamente", "favor", "ser",
      "tener", "estar", "hacer", "fue", "fui", "fueron", "era", "sido", "habia", "hay", "tenia", "tengo", "tiene",
      "tenemos", "voy", "va", "vamos", "estoy", "esta", "estaba", "estan", "hice", "hecho", "hizo", "dijo",
      "dijeron", "dije", "informaron", "informo", "pedi", "pidio", "puedo", "puede", "pueden", "quiero",
      "queria", "necesito", "dar", "dio", "ver", "vi", "hablar", "hablo", "habla", "decir", "digo", "dice",
      "dicen", "consigo", "intente", "intentar", "porque", "respecto", "referente", "entonces", "tambien", "pero", "pues", "despues", "hasta",
      "tipo", "situacion",
      "sobre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
      "octubre", "noviembre", "diciembre", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado",
      "domingo");

  private final Set<String> folded;

  private InformalStopWords(Set<String> folded) {
    this.folded = folded;
  }

  /** Lucene's stop set for the language, folded, with the informal words of that language. */
  static InformalStopWords of(String language, Iterable<Object> luceneStopWords) {
    Stream.Builder<String> words = Stream.builder();
    luceneStopWords.forEach(w -> words.add(new String((char[]) w)));
    Set<String> own = language.equals("pt") ? PORTUGUESE : SPANISH;
    return new InformalStopWords(Stream.concat(Stream.concat(words.build(), SHARED.stream()), own.stream())
        .map(InformalStopWords::fold).collect(Collectors.toUnmodifiableSet()));
  }

  boolean contains(String word) {
    return folded.contains(fold(word));
  }

  /** Lower case without diacritics: "Não" → "nao", "atención" → "atencion". */
  static String fold(String word) {
    String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
