package com.escalationrca.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A fault point inside a real {@code rca run} process, for the tests that kill it there: loaded with
 * {@code -Dspring.main.sources=com.escalationrca.faults.FaultPoints}, it stops the step named by
 * {@code rca.fault.step} at its start, or after {@code rca.fault.after-chunks} chunks, prints
 * {@value #MARKER} and the step's name, and waits until the file {@code rca.fault.release} exists
 * (or forever, until the test kills the process).
 */
@Configuration(proxyBeanMethods = false)
public class FaultPoints {

  public static final String MARKER = "FAULT-POINT-REACHED";

  @Bean
  static BeanPostProcessor faultPoint() {
    String step = System.getProperty("rca.fault.step", "");
    int afterChunks = Integer.getInteger("rca.fault.after-chunks", 0);
    String release = System.getProperty("rca.fault.release", "");
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!name.equals(step) || !(bean instanceof AbstractStep target)) {
          return bean;
        }
        if (afterChunks > 0 && target instanceof ChunkOrientedStep<?, ?> chunked) {
          AtomicInteger chunks = new AtomicInteger();
          @SuppressWarnings("unchecked")
          ChunkOrientedStep<Object, Object> any = (ChunkOrientedStep<Object, Object>) chunked;
          // Write listeners, not chunk listeners: a step processing chunks on a pool calls no chunk listener.
          any.registerItemWriteListener(new ItemWriteListener<Object>() {
            @Override
            public void afterWrite(Chunk<?> items) {
              if (chunks.incrementAndGet() == afterChunks) {
                pause(step, release);
              }
            }
          });
        } else {
          target.registerStepExecutionListener(new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution execution) {
              pause(step, release);
            }
          });
        }
        return bean;
      }
    };
  }

  private static void pause(String step, String release) {
    System.out.println(MARKER + " " + step);
    System.out.flush();
    while (release.isEmpty() || !Files.exists(Path.of(release))) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
