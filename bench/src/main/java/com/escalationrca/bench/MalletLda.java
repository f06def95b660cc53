package com.escalationrca.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import cc.mallet.pipe.CharSequence2TokenSequence;
import cc.mallet.pipe.CharSequenceLowercase;
import cc.mallet.pipe.Pipe;
import cc.mallet.pipe.SerialPipes;
import cc.mallet.pipe.TokenSequence2FeatureSequence;
import cc.mallet.pipe.TokenSequenceRemoveStopwords;
import cc.mallet.pipe.iterator.StringArrayIterator;
import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.types.InstanceList;

/**
 * Mallet LDA with the settings its documentation recommends for real use: the true number of
 * topics, alpha sum 1.0, beta 0.01, 1,000 Gibbs iterations, hyperparameter optimisation every 10,
 * two threads, English stop words. Each document goes to its most probable topic.
 */
final class MalletLda {

  static final int DOCUMENTED_ITERATIONS = 1000;

  private final int iterations;

  MalletLda(int iterations) {
    this.iterations = iterations;
  }

  List<String> cluster(List<String> texts, int topics, long seed) {
    Logger.getLogger("cc.mallet").setLevel(Level.OFF);
    List<Pipe> pipes = new ArrayList<>();
    pipes.add(new CharSequenceLowercase());
    pipes.add(new CharSequence2TokenSequence(Pattern.compile("\\p{L}[\\p{L}\\p{P}]+\\p{L}")));
    pipes.add(new TokenSequenceRemoveStopwords(false, false));
    pipes.add(new TokenSequence2FeatureSequence());
    InstanceList instances = new InstanceList(new SerialPipes(pipes));
    instances.addThruPipe(new StringArrayIterator(texts.toArray(String[]::new)));
    ParallelTopicModel model = new ParallelTopicModel(topics, 1.0, 0.01);
    model.addInstances(instances);
    model.setNumThreads(2);
    model.setNumIterations(iterations);
    model.setOptimizeInterval(10);
    model.setRandomSeed((int) seed);
    model.printLogLikelihood = false;
    model.setTopicDisplay(0, 0);
    try {
      model.estimate();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> assignment = new ArrayList<>(texts.size());
    for (int d = 0; d < texts.size(); d++) {
      double[] p = model.getTopicProbabilities(d);
      int best = 0;
      for (int t = 1; t < p.length; t++) {
        if (p[t] > p[best]) {
          best = t;
        }
      }
      assignment.add("topic-" + best);
    }
    return assignment;
  }
}
