package com.escalationrca.nlp;

import com.escalationrca.nlpmodels.NlpModels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The OpenNLP models as a bean, loaded on first use: commands that never analyse do not pay for them. */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

  @Bean
  @Lazy
  NlpModels nlpModels() {
    return NlpModels.load();
  }
}
