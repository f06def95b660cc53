package com.escalationrca.nlpmodels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * English analysis for one thread: sentences, tokens, Universal POS tags and lemmas. Not
 * thread-safe (the OpenNLP ME classes keep per-call state); create one per worker.
 *
 * <p>Lemmas are memoised by (token, tag): the maxent lemmatizer costs ~100 µs a token, about 85 %
 * of the pipeline, while escalation vocabulary is Zipfian, so after a few thousand narratives
 * nearly every lemma is a map look-up. Misses are lemmatised one token at a time, which gives the
 * same lemma as in context for all but a handful of ambiguous words.
 */
public final class EnglishPipeline {

  /** Bounded so a pathological corpus (say, random ids) cannot grow the cache without limit. */
  static final int LEMMA_CACHE_SIZE = 200_000;

  private final SentenceDetectorME sentences;
  private final TokenizerME tokens;
  private final POSTaggerME partsOfSpeech;
  private final LemmatizerME lemmas;
  private final Map<String, String> lemmaCache = new HashMap<>();

  EnglishPipeline(SentenceModel sentenceModel, TokenizerModel tokenModel, POSModel posModel,
                  LemmatizerModel lemmaModel) {
    this.sentences = new SentenceDetectorME(sentenceModel);
    this.tokens = new TokenizerME(tokenModel);
    this.partsOfSpeech = new POSTaggerME(posModel, POSTagFormat.UD);
    this.lemmas = new LemmatizerME(lemmaModel);
  }

  /** Splits the text into sentences and tags every token of each. */
  public List<TaggedSentence> analyze(String text) {
    List<TaggedSentence> result = new ArrayList<>();
    for (String sentence : sentences.sentDetect(text)) {
      String[] words = tokens.tokenize(sentence);
      if (words.length == 0) {
        continue;
      }
      String[] tags = partsOfSpeech.tag(words);
      String[] lemmaOf = lemmatize(words, tags);
      result.add(new TaggedSentence(sentence, words, tags, lemmaOf));
    }
    return result;
  }

  private String[] lemmatize(String[] words, String[] tags) {
    String[] result = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      String key = words[i] + '\u0001' + tags[i];
      String lemma = lemmaCache.get(key);
      if (lemma == null) {
        lemma = lemmas.lemmatize(new String[] {words[i]}, new String[] {tags[i]})[0];
        if (lemmaCache.size() >= LEMMA_CACHE_SIZE) {
          lemmaCache.clear();
        }
        lemmaCache.put(key, lemma);
      }
      result[i] = lemma;
    }
    return result;
  }
}
