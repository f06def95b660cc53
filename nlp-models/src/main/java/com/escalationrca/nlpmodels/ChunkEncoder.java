package com.escalationrca.nlpmodels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * One chunk of text to its unit vector: tokenised once, one session run, pooled. LangChain4j's
 * encoder makes the same vector but tokenises each text three times (to count, to rebuild the
 * text, to encode); profiling the embed step showed that as a sixth of its time.
 * <p>
 * Chunks run one at a time, never padded into batches: the bundled model is quantized with
 * dynamic quantization, whose scale is taken over the whole input tensor, so a batched chunk's
 * vector would depend on its batch mates (measured: cosine 0.995 on average, 0.986 at worst, on
 * CFPB narratives in batches of 8), and a night resumed, rerun or split over workers would then not
 * reproduce its vectors.
 */
final class ChunkEncoder {

  /** The position limit of BERT-style encoders; a longer chunk is left to LangChain4j, which splits it. */
  static final int MAX_TOKENS = 512;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final PoolingMode pooling;
  private final boolean typeIds;

  ChunkEncoder(OrtEnvironment environment, OrtSession session, InputStream tokenizerJson, PoolingMode pooling)
      throws IOException {
    this.environment = environment;
    this.session = session;
    // As LangChain4j opens it: no padding (one chunk per run).
    this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false"));
    this.pooling = pooling;
    this.typeIds = session.getInputNames().contains("token_type_ids");
  }

  /** The chunk's unit vector, or null when it is longer than {@value #MAX_TOKENS} tokens. */
  float[] embed(String chunk) {
    Encoding encoding = tokenizer.encode(chunk, true, false);
    long[] ids = encoding.getIds();
    if (ids.length > MAX_TOKENS) {
      return null;
    }
    long[] shape = {1, ids.length};
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
         OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
         OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape)) {
      Map<String, OnnxTensor> inputs = typeIds
          ? Map.of("input_ids", inputIds, "attention_mask", mask, "token_type_ids", types)
          : Map.of("input_ids", inputIds, "attention_mask", mask);
      try (OrtSession.Result result = session.run(inputs)) {
        float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
        return unit(pooling == PoolingMode.CLS ? tokens[0] : mean(tokens));
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the sentence encoder failed on a chunk of " + ids.length + " tokens: "
          + e.getMessage(), e);
    }
  }

  private static float[] mean(float[][] tokens) {
    float[] sum = new float[tokens[0].length];
    for (float[] token : tokens) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += token[i];
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= tokens.length;
    }
    return sum;
  }

  /** The vector scaled to unit length (as LangChain4j normalises a pooled vector). */
  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = (float) (v[i] / norm);
    }
    return u;
  }

  void close() {
    tokenizer.close();
  }
}
