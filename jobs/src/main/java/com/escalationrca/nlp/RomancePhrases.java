package com.escalationrca.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Noun phrases of Portuguese and Spanish narratives by pattern, since Maven Central has no OpenNLP
 * part-of-speech model for either: a noun phrase there is a head noun with adjectives or a "de"
 * complement ("cartão de crédito", "débito automático", "tarjeta de crédito", "cobro indebido").
 * Runs of content words are cut where a verb form stands (by its ending: gerunds, conditionals,
 * preterites, imperfects, first-person plurals, infinitives), so
 * "deveria enviar", "cobrando juros" and "sendo pago" are no phrase, and a "de"-family preposition
 * joins two content words into one phrase. Phrases are 2–3 content words.
 */
final class RomancePhrases {

  /** Endings of verb forms that nouns and adjectives of complaints hardly have. */
  private static final List<String> PORTUGUESE_VERB = List.of("ando", "endo", "indo", "aria", "eria", "iria",
      "ariam", "eriam", "iriam", "aram", "eram", "iram", "avam", "amos", "emos", "imos", "ei", "ou", "ava");
  private static final List<String> SPANISH_VERB = List.of("ando", "iendo", "aría", "ería", "iría", "arían", "erían",
      "irían", "aron", "ieron", "aban", "aba", "amos", "emos", "imos", "é", "ó");
  /** Infinitives end a phrase's words in -ar/-er/-ir; these nouns and adjectives do too. */
  private static final Set<String> NOT_INFINITIVES = Set.of("celular", "titular", "lugar", "familiar", "particular",
      "militar", "similar", "regular", "popular", "escolar", "mar", "bar", "par", "auxiliar", "exterior", "anterior",
      "interior", "superior", "inferior", "valor", "cadáver", "caráter", "mulher", "prazer", "poder", "dever",
      "lar", "luar", "colar", "polar", "solar", "hogar", "ser");
  private static final Set<String> PORTUGUESE_JOINS = Set.of("de", "do", "da", "dos", "das");
  private static final Set<String> SPANISH_JOINS = Set.of("de", "del");
  /** Words that are never part of a phrase whatever their ending: adverbs and pronouns of complaints. */
  private static final Set<String> NEVER = Set.of("apenas", "ninguem", "ninguém", "nenhum", "nenhuma", "alguém",
      "alguem", "somente", "realmente", "simplesmente", "novamente", "totalmente", "fica", "ficou", "deveria",
      "sabe", "resolve", "resolveu", "sendo", "tendo", "vindo", "siendo", "nadie", "ningún", "ninguna", "solamente", "nuevamente");

  private final List<String> verbEndings;
  private final Set<String> joins;

  private RomancePhrases(List<String> verbEndings, Set<String> joins) {
    this.verbEndings = verbEndings;
    this.joins = joins;
  }

  static RomancePhrases portuguese() {
    return new RomancePhrases(PORTUGUESE_VERB, PORTUGUESE_JOINS);
  }

  static RomancePhrases spanish() {
    return new RomancePhrases(SPANISH_VERB, SPANISH_JOINS);
  }

  /** Can this (content) word stand in a noun phrase? Not a verb form by its ending, nor an adverb or pronoun. */
  boolean nominal(String word) {
    if (NEVER.contains(word)) {
      return false;
    }
    for (String ending : verbEndings) {
      if (word.length() > ending.length() + 2 && word.endsWith(ending)) {
        return false;
      }
    }
    boolean infinitive = word.length() > 4 && (word.endsWith("ar") || word.endsWith("er") || word.endsWith("ir"));
    return !infinitive || NOT_INFINITIVES.contains(word);
  }

  /** Does this (stop) word join two nominal words into one phrase ("de", "do", "del")? */
  boolean joins(String word) {
    return joins.contains(word);
  }

  /**
   * Every phrase of 2–3 nominal words in a run, a joining word kept where it stands between two of
   * them ("cartão de crédito"); {@code join[i]} marks the joining words.
   */
  static void phrases(List<String> run, List<Boolean> join, List<String> into) {
    for (int start = 0; start < run.size(); start++) {
      if (join.get(start)) {
        continue;
      }
      StringBuilder phrase = new StringBuilder(run.get(start));
      int words = 1;
      for (int i = start + 1; i < run.size() && words < 3; i++) {
        if (join.get(i)) {
          if (i + 1 >= run.size() || join.get(i + 1)) {
            break;
          }
          phrase.append(' ').append(run.get(i));
          continue;
        }
        phrase.append(' ').append(run.get(i));
        words++;
        into.add(phrase.toString());
      }
    }
  }
}
