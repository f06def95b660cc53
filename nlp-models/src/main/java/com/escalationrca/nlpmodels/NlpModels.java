package com.escalationrca.nlpmodels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The pre-trained OpenNLP models shipped on Maven Central (UD English EWT 1.3 and the 103-language
 * detector), loaded once from the classpath. Models are immutable and shared; the OpenNLP
 * {@code *ME} classes built from them are not thread-safe, so each thread asks for its own
 * {@link EnglishPipeline} and {@link LanguageDetectorME}. Nothing is downloaded at run time.
 */
public final class NlpModels {

  public static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  public static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  public static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  public static final String LEMMA_MODEL = "/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";
  public static final String LANGUAGE_MODEL = "/langdetect-183.bin";

  private final SentenceModel sentences;
  private final TokenizerModel tokens;
  private final POSModel partsOfSpeech;
  private final LemmatizerModel lemmas;
  private final LanguageDetectorModel languages;
  private CharGramTable languageGrams;

  private NlpModels(SentenceModel sentences, TokenizerModel tokens, POSModel partsOfSpeech,
                    LemmatizerModel lemmas, LanguageDetectorModel languages) {
    this.sentences = sentences;
    this.tokens = tokens;
    this.partsOfSpeech = partsOfSpeech;
    this.lemmas = lemmas;
    this.languages = languages;
  }

  /** Loads every model from the classpath; takes about a second, so do it once per process. */
  public static NlpModels load() {
    return new NlpModels(
        read(SENTENCE_MODEL, SentenceModel::new),
        read(TOKEN_MODEL, TokenizerModel::new),
        read(POS_MODEL, POSModel::new),
        read(LEMMA_MODEL, LemmatizerModel::new),
        read(LANGUAGE_MODEL, LanguageDetectorModel::new));
  }

  /** A new English sentence → token → POS → lemma pipeline for the calling thread. */
  public EnglishPipeline newEnglishPipeline() {
    return new EnglishPipeline(sentences, tokens, partsOfSpeech, lemmas);
  }

  /** A new language detector (ISO 639-3 codes) for the calling thread. */
  public LanguageDetectorME newLanguageDetector() {
    return new LanguageDetectorME(languages);
  }

  /** A fast scorer over the same language model (see {@link LanguageScorer}) for the calling thread. */
  public LanguageScorer newLanguageScorer() {
    return new LanguageScorer(languageGrams());
  }

  /** Built on first use and shared: it is immutable, and costs a pass over the model's features. */
  private synchronized CharGramTable languageGrams() {
    if (languageGrams == null) {
      languageGrams = CharGramTable.of(languages);
    }
    return languageGrams;
  }

  private static <M> M read(String resource, ModelReader<M> reader) {
    try (InputStream in = NlpModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + resource
            + " is not on the classpath; the opennlp-models-* artifacts must be dependencies");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
    }
  }

  @FunctionalInterface
  private interface ModelReader<M> {
    M read(InputStream in) throws IOException;
  }
}
