package com.escalationrca.correlate;

import com.escalationrca.ingest.Taxonomy;

/** One dimension value: vendor = Atlas Review. */
record Part(Taxonomy.Dimension dimension, String value) {

  String key() {
    return dimension.name() + "\u0001" + value;
  }

  boolean matches(Observation o) {
    return dimension == WordRises.WORDS ? o.words().contains(value) : value.equals(o.dimensions().get(dimension.name()));
  }
}
