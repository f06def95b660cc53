package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SearchPermitsTest {

  private final SearchPermits permits = new SearchPermits(2);

  @Test
  void aUsersThirdSearchAtOnceIsRefusedAndOtherUsersAreNotHeldUp() throws Exception {
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    var first = CompletableFuture.supplyAsync(() -> permits.run("ana", () -> held(running, release)));
    var second = CompletableFuture.supplyAsync(() -> permits.run("ana", () -> held(running, release)));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> permits.run("ana", () -> "third")).isInstanceOf(SearchPermits.TooManySearchesException.class)
        .hasMessageContaining("2 searches running").hasMessageContaining("rca.search.max-concurrent-per-user");
    assertThat(permits.run("bob", () -> "bob's")).isEqualTo("bob's");

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(permits.run("ana", () -> "again")).isEqualTo("again");
  }

  @Test
  void aFailedSearchGivesItsPermitBack() {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> permits.run("ana", () -> {
        throw new IllegalArgumentException("bad query");
      })).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(permits.run("ana", () -> "ok")).isEqualTo("ok");
  }

  private static String held(CountDownLatch running, CountDownLatch release) {
    running.countDown();
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "done";
  }
}
