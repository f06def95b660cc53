package com.escalationrca.nlpmodels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import opennlp.tools.tokenize.WhitespaceTokenizer;

/**
 * English analysis for one thread: sentences, tokens, Universal POS tags and lemmas. Not
 * thread-safe (the OpenNLP ME classes keep per-call state); create one per worker.
 *
 * <p>Lemmas are memoised by (token, tag): the maxent lemmatizer costs ~100 µs a token, about 85 %
 * of the pipeline, while escalation vocabulary is Zipfian, so after a few thousand narratives
 * nearly every lemma is a map look-up. Misses are lemmatised one token at a time, which gives the
 * same lemma as in context for all but a handful of ambiguous words.
 *
 * <p>Tokens are memoised the same way, by whitespace-delimited word: OpenNLP's maxent tokenizer
 * decides the splits inside a word ("can't", "posts.") from that word alone, so a cached word gives
 * exactly its answer, and it cost a fifth of English analysis before.
 *
 * <p>Whole sentences are memoised last (least recently used out): a sentence's tokens, tags and
 * lemmas depend on that sentence alone, and escalations repeat theirs ("Escalating from tier 1.",
 * "Please advise.", a vendor's template): 17 % of the CFPB sample's sentences are repeats. The
 * tagger's beam search is most of what is left of English analysis, and a repeat skips it.
 * Cached sentences are shared: callers read their arrays, never write them.
 */
public final class EnglishPipeline {

  /** Bounded so a pathological corpus (say, random ids) cannot grow the cache without limit. */
  static final int LEMMA_CACHE_SIZE = 200_000;
  static final int TOKEN_CACHE_SIZE = 200_000;
  static final int SENTENCE_CACHE_SIZE = 20_000;

  private final SentenceDetectorME sentences;
  private final TokenizerME tokens;
  private final POSTaggerME partsOfSpeech;
  private final LemmatizerME lemmas;
  private final Map<String, String> lemmaCache = new HashMap<>();
  private final Map<String, String[]> tokenCache = new HashMap<>();
  private final Map<String, TaggedSentence> sentenceCache = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, TaggedSentence> eldest) {
      return size() > SENTENCE_CACHE_SIZE;
    }
  };

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
      TaggedSentence tagged = sentenceCache.get(sentence);
      if (tagged == null) {
        tagged = tag(sentence);
        sentenceCache.put(sentence, tagged);
      }
      if (tagged.size() > 0) {
        result.add(tagged);
      }
    }
    return result;
  }

  private TaggedSentence tag(String sentence) {
    String[] words = tokenize(sentence);
    if (words.length == 0) {
      return new TaggedSentence(sentence, words, words, words);
    }
    String[] tags = partsOfSpeech.tag(words);
    return new TaggedSentence(sentence, words, tags, lemmatize(words, tags));
  }

  private String[] tokenize(String sentence) {
    List<String> words = new ArrayList<>();
    for (String word : WhitespaceTokenizer.INSTANCE.tokenize(sentence)) {
      String[] split = tokenCache.get(word);
      if (split == null) {
        split = tokens.tokenize(word);
        if (tokenCache.size() >= TOKEN_CACHE_SIZE) {
          tokenCache.clear();
        }
        tokenCache.put(word, split);
      }
      words.addAll(java.util.Arrays.asList(split));
    }
    return words.toArray(String[]::new);
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
