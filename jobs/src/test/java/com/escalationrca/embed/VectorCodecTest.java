package com.escalationrca.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class VectorCodecTest {

  private static float[] randomUnit(SplittableRandom random) {
    float[] v = new float[384];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  @Test
  void eightBitVectorsKeepCosinesWithinAThousandth() {
    SplittableRandom random = new SplittableRandom(1);
    for (int trial = 0; trial < 50; trial++) {
      float[] a = randomUnit(random);
      float[] b = randomUnit(random);
      byte[] stored = VectorCodec.encode(a);

      assertThat(stored).hasSize(4 + 384);
      assertThat(cosine(VectorCodec.decode(stored), VectorCodec.decode(VectorCodec.encode(b))))
          .isCloseTo(cosine(a, b), within(2e-3));
      assertThat(cosine(VectorCodec.decode(stored), a)).isGreaterThan(0.999);
    }
    assertThat(VectorCodec.decode(VectorCodec.encode(new float[384]))).containsOnly(0f);
  }
}
