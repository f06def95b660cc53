package com.escalationrca.external;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Settings that moved refuse to start rather than be ignored: {@code rca.publish.http.*} became
 * {@code rca.http.*} when pulls and publishing came to share it, and a timeout set under the old
 * key would otherwise silently fall back to its default.
 */
@Component
class MovedSettings {

  static final String OLD_HTTP = "rca.publish.http";
  static final String NEW_HTTP = "rca.http";

  MovedSettings(Environment environment) {
    if (Binder.get(environment).bind(OLD_HTTP, Bindable.mapOf(String.class, Object.class)).isBound()) {
      throw new IllegalStateException(OLD_HTTP + ".* moved to " + NEW_HTTP + ".* (the same keys): rename them in your"
          + " configuration or environment (RCA_PUBLISH_HTTP_* to RCA_HTTP_*)");
    }
  }
}
