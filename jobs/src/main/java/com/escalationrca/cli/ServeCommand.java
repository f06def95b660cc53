package com.escalationrca.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.escalationrca.web.security.Accounts;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Starts the web application behind sign-in.",
        "The morning read with charts, findings and their escalations, clusters, causes, investigate, events,"
            + " search, escalations, and a JSON API (accounts from `users add`). Runs beside the nightly job on the"
            + " same data folder and picks up new runs without a restart."})
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface, behind a TLS proxy).")
  String bind;

  @Mixin
  StorageOptions storage;

  private static boolean isLoopback(String address) {
    try {
      return java.net.InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    ConfigurableApplicationContext context = ApplicationContexts.serve(storage, bind, port);
    int actual = ((WebServerApplicationContext) context).getWebServer().getPort();
    System.out.printf("Escalation RCA is serving on http://%s:%d/%n", bind, actual);
    String baseUrl = context.getEnvironment().getProperty("rca.publish.base-url", "");
    if (!isLoopback(bind) && !com.escalationrca.web.WebConfiguration.servedOverHttps(baseUrl)) {
      System.out.println("warning: serving plain HTTP on " + bind + ": passwords and session cookies cross the network"
          + " in clear; put `serve` behind a TLS proxy and set rca.publish.base-url to its https:// address (session"
          + " cookies are then marked Secure)");
    }
    if (context.getBean(Accounts.class).list().isEmpty()) {
      System.out.println("No account yet: add one with `users add NAME --role admin` (the password is read from standard input).");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    context.addApplicationListener(e -> {
      if (e instanceof org.springframework.context.event.ContextClosedEvent) {
        stopped.countDown();
      }
    });
    context.registerShutdownHook();
    stopped.await();
    return 0;
  }
}
