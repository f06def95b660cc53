package com.escalationrca.embed;

import java.nio.ByteBuffer;

/**
 * Stores a unit vector in a quarter of its float size: one scale (the largest magnitude) and each
 * component rounded to a signed byte of it. Cosines computed from the decoded vectors differ from
 * the originals by about 0.001 for 384 dimensions, far below any threshold the clustering uses,
 * and a million narratives take 388 MB instead of 1.5 GB.
 */
public final class VectorCodec {

  private VectorCodec() {
  }

  public static byte[] encode(float[] vector) {
    float scale = 0;
    for (float x : vector) {
      scale = Math.max(scale, Math.abs(x));
    }
    ByteBuffer buffer = ByteBuffer.allocate(Float.BYTES + vector.length);
    buffer.putFloat(scale);
    for (float x : vector) {
      buffer.put(scale == 0 ? 0 : (byte) Math.round(x / scale * 127));
    }
    return buffer.array();
  }

  /** The vector again, at unit length. */
  public static float[] decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    float scale = buffer.getFloat();
    float[] vector = new float[bytes.length - Float.BYTES];
    double norm = 0;
    for (int i = 0; i < vector.length; i++) {
      vector[i] = buffer.get() * scale / 127;
      norm += vector[i] * vector[i];
    }
    norm = Math.sqrt(norm);
    for (int i = 0; norm > 0 && i < vector.length; i++) {
      vector[i] /= (float) norm;
    }
    return vector;
  }
}
