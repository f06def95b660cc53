package com.escalationrca.bench;

import java.nio.LongBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.escalationrca.embed.NarrativeEmbedder;
import com.escalationrca.embed.PendingEmbedding;
import com.escalationrca.nlpmodels.SentenceEncoder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The embed step against what its libraries can do, on the same chunks in one run: LangChain4j's
 * plain {@code embedAll} (its own session and thread pool, every core), the step's encoder on the
 * step's pool, and a bare ONNX Runtime session over length-sorted, padded batches (every core: the
 * practical limit, whose vectors depend on their batch mates with this dynamically quantized model);
 * then the step's processor on the narratives as they come, identical pastes included.
 */
public final class EmbedBenchmark {

  /** One way of embedding: chunks embedded, seconds, cores it was given. */
  public record Contender(String name, int chunks, double seconds, int cores) {
    public double chunksPerSecond() {
      return chunks / seconds;
    }

    public double perCore() {
      return chunksPerSecond() / cores;
    }
  }

  /** The figures, and how far the batched vectors are from the step's (cosine, mean and least). */
  public record Result(int narratives, int distinctNarratives, int chunks, List<Contender> contenders,
                       double batchedCosineMean, double batchedCosineMin, double stepNarrativesPerSecond,
                       long modelRuns) {
  }

  private static final String TOKENIZER = SentenceEncoder.MODEL + "-tokenizer.json";
  private static final int WARM_UP = 40;

  public Result run(List<String> narratives, int rounds, int threads, int batch) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    List<Contender> contenders = new ArrayList<>();
    try (SentenceEncoder encoder = SentenceEncoder.load()) {
      List<String> once = narratives.stream().flatMap(n -> encoder.chunksOf(n).stream()).toList();
      List<String> chunks = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        chunks.addAll(once);
      }

      AllMiniLmL6V2QuantizedEmbeddingModel plain = new AllMiniLmL6V2QuantizedEmbeddingModel();
      List<TextSegment> segments = chunks.stream().map(TextSegment::from).toList();
      int warmUp = Math.min(WARM_UP, chunks.size());
      plain.embedAll(segments.subList(0, warmUp));
      long start = System.nanoTime();
      plain.embedAll(segments);
      contenders.add(new Contender("LangChain4j embedAll (its defaults)", chunks.size(), seconds(start), cores));

      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        embedAll(pool, encoder, chunks.subList(0, warmUp));
        start = System.nanoTime();
        List<float[]> ours = embedAll(pool, encoder, chunks);
        contenders.add(new Contender("embed step encoder (" + threads + " threads, chunk by chunk)", chunks.size(),
            seconds(start), Math.min(threads, cores)));

        float[][] batched = new float[chunks.size()][];
        Contender bare = bareBatches(chunks, batch, cores, batched, warmUp);
        contenders.add(bare);
        double sum = 0;
        double min = 1;
        for (int i = 0; i < chunks.size(); i++) {
          double cosine = 0;
          for (int d = 0; d < batched[i].length; d++) {
            cosine += batched[i][d] * ours.get(i)[d];
          }
          sum += cosine;
          min = Math.min(min, cosine);
        }

        // The step's processor on the narratives as they come: identical pastes take the vector made.
        java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();
        NarrativeEmbedder step = new NarrativeEmbedder(() -> {
          runs.incrementAndGet();
          return encoder;
        });
        start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < narratives.size(); i++) {
          PendingEmbedding pending = new PendingEmbedding(i, Instant.EPOCH, narratives.get(i),
              textHash(narratives.get(i)), null);
          done.add(pool.submit(() -> step.process(pending)));
        }
        for (Future<?> f : done) {
          f.get();
        }
        double stepRate = narratives.size() / seconds(start);
        int distinct = (int) narratives.stream().map(EmbedBenchmark::collapsed).distinct().count();
        return new Result(narratives.size(), distinct, chunks.size(), contenders, sum / chunks.size(), min, stepRate,
            runs.get());
      } finally {
        pool.shutdown();
      }
    }
  }

  private static List<float[]> embedAll(ExecutorService pool, SentenceEncoder encoder, List<String> chunks)
      throws Exception {
    List<Future<float[]>> futures = new ArrayList<>();
    for (String chunk : chunks) {
      futures.add(pool.submit(() -> encoder.embed(chunk)));
    }
    List<float[]> vectors = new ArrayList<>();
    for (Future<float[]> f : futures) {
      vectors.add(f.get());
    }
    return vectors;
  }

  /**
   * One session, a thread per core running it single-threaded (measured here: faster than one run
   * spread over the cores), chunks sorted by token length and padded per batch, batches dealt to the
   * threads in turn; mean pooling over the mask.
   */
  private static Contender bareBatches(List<String> chunks, int batch, int cores, float[][] out, int warmUp)
      throws Exception {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    ClassLoader loader = EmbedBenchmark.class.getClassLoader();
    byte[] model;
    try (var in = loader.getResourceAsStream(SentenceEncoder.MODEL + ".onnx")) {
      model = in.readAllBytes();
    }
    try (OrtSession session = environment.createSession(model, options);
         HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(loader.getResourceAsStream(TOKENIZER),
             Map.of("padding", "false"))) {
      ExecutorService threads = Executors.newFixedThreadPool(cores);
      try {
        encodeBatches(environment, session, tokenizer, chunks.subList(0, warmUp), batch, new float[warmUp][], threads);
        long start = System.nanoTime();
        encodeBatches(environment, session, tokenizer, chunks, batch, out, threads);
        return new Contender("bare ONNX Runtime, length-sorted batches of " + batch + ", " + cores + " threads", chunks.size(), seconds(start), cores);
      } finally {
        threads.shutdown();
      }
    }
  }

  private static void encodeBatches(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
                                    List<String> chunks, int batch, float[][] out, ExecutorService threads)
      throws Exception {
    List<long[]> ids = new ArrayList<>();
    for (String chunk : chunks) {
      ids.add(tokenizer.encode(chunk, true, false).getIds());
    }
    Integer[] order = new Integer[ids.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
    List<Future<?>> done = new ArrayList<>();
    for (int first = 0; first < order.length; first += batch) {
      int from = first;
      done.add(threads.submit(() -> {
        encodeBatch(environment, session, ids, order, from, Math.min(order.length, from + batch), out);
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
  }

  private static void encodeBatch(OrtEnvironment environment, OrtSession session, List<long[]> ids, Integer[] order,
                                  int from, int to, float[][] out) throws ai.onnxruntime.OrtException {
    {
      int rows = to - from;
      int length = 0;
      for (int k = from; k < to; k++) {
        length = Math.max(length, ids.get(order[k]).length);
      }
      long[] input = new long[rows * length];
      long[] mask = new long[rows * length];
      for (int k = 0; k < rows; k++) {
        long[] row = ids.get(order[from + k]);
        System.arraycopy(row, 0, input, k * length, row.length);
        Arrays.fill(mask, k * length, k * length + row.length, 1);
      }
      long[] shape = {rows, length};
      try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(input), shape);
           OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
           OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * length]), shape);
           OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
               "token_type_ids", types))) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        for (int k = 0; k < rows; k++) {
          int tokens = ids.get(order[from + k]).length;
          float[] sum = new float[hidden[k][0].length];
          for (int t = 0; t < tokens; t++) {
            for (int d = 0; d < sum.length; d++) {
              sum[d] += hidden[k][t][d];
            }
          }
          out[order[from + k]] = SentenceEncoder.unitLength(sum);
        }
      }
    }
  }

  /** The step's text key, as the database computes it (whitespace collapsed, SHA-256 of UTF-8). */
  private static byte[] textHash(String narrative) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(collapsed(narrative).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String collapsed(String narrative) {
    return narrative.replaceAll("[ \\t\\n\\r\\f\\x0B]+", " ").replaceAll("^ | $", "");
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
