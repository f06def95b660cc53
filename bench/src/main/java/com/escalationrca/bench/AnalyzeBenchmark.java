package com.escalationrca.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.escalationrca.nlp.LanguageIdentifier;
import com.escalationrca.nlp.NarrativeAnalyzer;
import com.escalationrca.nlp.NarrativeCleaner;
import com.escalationrca.nlpmodels.EnglishPipeline;
import com.escalationrca.nlpmodels.LanguageScorer;
import com.escalationrca.nlpmodels.NlpModels;
import com.escalationrca.nlpmodels.TaggedSentence;
import opennlp.tools.langdetect.LanguageDetectorME;
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
 * The analyze step's pieces against OpenNLP's own classes on the same narratives, in one run: the
 * language scores against {@code LanguageDetectorME}, the English pipeline against the four models
 * called as documented (sentence, tokens, tags, lemmas, nothing remembered); then the step's analyzer
 * end to end. Every contender warms up on other narratives first and meets the measured ones once,
 * fresh, as a night does: memos start empty.
 */
public final class AnalyzeBenchmark {

  /** One way of doing a piece of the analysis: items done and seconds. */
  public record Contender(String name, int items, double seconds) {
    public double perSecond() {
      return items / seconds;
    }
  }

  /**
   * The figures for one corpus; {@code sameLanguage} counts narratives whose top language is the
   * library's, {@code sameTags} English narratives whose tokens and tags are the models' own.
   */
  public record Result(String corpus, int narratives, int english, Contender libraryLanguage, Contender stepLanguage,
                       int sameLanguage, Contender libraryEnglish, Contender stepEnglish, int sameTags,
                       Contender analyzer) {
  }

  private final NlpModels models = NlpModels.load();
  private final SentenceModel sentenceModel = read(NlpModels.SENTENCE_MODEL, SentenceModel::new);
  private final TokenizerModel tokenModel = read(NlpModels.TOKEN_MODEL, TokenizerModel::new);
  private final POSModel posModel = read(NlpModels.POS_MODEL, POSModel::new);
  private final LemmatizerModel lemmaModel = read(NlpModels.LEMMA_MODEL, LemmatizerModel::new);

  public Result run(String corpus, List<String> narratives, List<String> warmUp) {
    NarrativeCleaner cleaner = new NarrativeCleaner();
    List<String> cleaned = narratives.stream().map(cleaner::clean).toList();
    List<String> warmCleaned = warmUp.stream().map(cleaner::clean).toList();

    LanguageDetectorME detector = models.newLanguageDetector();
    LanguageScorer scorer = models.newLanguageScorer();
    warmCleaned.forEach(t -> {
      detector.predictLanguages(t);
      scorer.logScores(t);
    });
    long start = System.nanoTime();
    List<String> libraryTop = cleaned.stream().map(t -> detector.predictLanguages(t)[0].getLang()).toList();
    Contender libraryLanguage = new Contender("OpenNLP LanguageDetectorME", cleaned.size(), seconds(start));
    start = System.nanoTime();
    List<String> stepTop = cleaned.stream().map(t -> scorer.predictLanguages(t)[0].getLang()).toList();
    Contender stepLanguage = new Contender("the step's language scores", cleaned.size(), seconds(start));
    int sameLanguage = 0;
    for (int i = 0; i < cleaned.size(); i++) {
      sameLanguage += libraryTop.get(i).equals(stepTop.get(i)) ? 1 : 0;
    }

    LanguageIdentifier identifier = new LanguageIdentifier(models.newLanguageScorer());
    List<String> english = cleaned.stream().filter(t -> identifier.identify(t).equals("en")).toList();
    List<String> warmEnglish = warmCleaned.stream().filter(t -> identifier.identify(t).equals("en")).toList();
    PlainEnglish plain = new PlainEnglish();
    warmEnglish.forEach(plain::analyze);
    EnglishPipeline warmPipeline = models.newEnglishPipeline();
    warmEnglish.forEach(warmPipeline::analyze);
    start = System.nanoTime();
    List<List<TaggedSentence>> expected = english.stream().map(plain::analyze).toList();
    Contender libraryEnglish = new Contender("OpenNLP models called one by one", english.size(), seconds(start));
    EnglishPipeline pipeline = models.newEnglishPipeline();
    start = System.nanoTime();
    List<List<TaggedSentence>> actual = english.stream().map(pipeline::analyze).toList();
    Contender stepEnglish = new Contender("the step's English pipeline (memos)", english.size(), seconds(start));
    int sameTags = 0;
    for (int i = 0; i < english.size(); i++) {
      sameTags += sameTokensAndTags(expected.get(i), actual.get(i)) ? 1 : 0;
    }

    NarrativeAnalyzer warm = new NarrativeAnalyzer(models);
    warmUp.forEach(t -> warm.analyze(t, null));
    NarrativeAnalyzer analyzer = new NarrativeAnalyzer(models);
    start = System.nanoTime();
    narratives.forEach(t -> analyzer.analyze(t, null));
    Contender whole = new Contender("the step's analyzer, one thread", narratives.size(), seconds(start));
    return new Result(corpus, narratives.size(), english.size(), libraryLanguage, stepLanguage, sameLanguage,
        libraryEnglish, stepEnglish, sameTags, whole);
  }

  private static boolean sameTokensAndTags(List<TaggedSentence> expected, List<TaggedSentence> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!Arrays.equals(expected.get(i).tokens(), actual.get(i).tokens())
          || !Arrays.equals(expected.get(i).tags(), actual.get(i).tags())) {
        return false;
      }
    }
    return true;
  }

  /** The English models as their documentation calls them: every sentence through all four. */
  private final class PlainEnglish {
    private final SentenceDetectorME sentences = new SentenceDetectorME(sentenceModel);
    private final TokenizerME tokens = new TokenizerME(tokenModel);
    private final POSTaggerME tags = new POSTaggerME(posModel, POSTagFormat.UD);
    private final LemmatizerME lemmas = new LemmatizerME(lemmaModel);

    List<TaggedSentence> analyze(String text) {
      List<TaggedSentence> result = new ArrayList<>();
      for (String sentence : sentences.sentDetect(text)) {
        String[] words = tokens.tokenize(sentence);
        if (words.length > 0) {
          String[] tagged = tags.tag(words);
          result.add(new TaggedSentence(sentence, words, tagged, lemmas.lemmatize(words, tagged)));
        }
      }
      return result;
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private interface ModelReader<M> {
    M read(InputStream in) throws IOException;
  }

  private static <M> M read(String resource, ModelReader<M> reader) {
    try (InputStream in = AnalyzeBenchmark.class.getResourceAsStream(resource)) {
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
