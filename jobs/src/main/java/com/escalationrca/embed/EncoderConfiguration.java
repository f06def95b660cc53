package com.escalationrca.embed;

import com.escalationrca.nlpmodels.SentenceEncoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The sentence encoder as a bean, opened on first use: commands and nights with nothing to embed never load it. */
@Configuration(proxyBeanMethods = false)
class EncoderConfiguration {

  @Bean(destroyMethod = "close")
  @Lazy
  SentenceEncoder sentenceEncoder(EmbedProperties embed) {
    return embed.open();
  }
}
