package com.escalationrca.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = new Redactor();

  @Test
  void redactsContactDetailsAccountsAndNumbers() {
    String text = redactor.redact("Mail maria.silva77@mail.example.org or call +55 11 91234-5678, "
        + "see https://social.example.com/kalomi/status/12345678901 by @kalomi_42, card 4111 1111 1111 1111, "
        + "SSN 123-45-6789, CPF 123.456.789-09, account 98765432.");

    assertThat(text).isEqualTo("Mail [email] or call [phone], see [url] by [handle], card [card], "
        + "SSN [id], CPF [id], account [number].");
  }

  @Test
  void redactsNamesAfterCuesInThreeLanguages() {
    assertThat(redactor.redact("Hi, my name is Maria Silva and Mr. John Carter posted it"))
        .isEqualTo("Hi, my name is [name] and Mr. [name] posted it");
    assertThat(redactor.redact("Meu nome é João Souza e me chamo assim")).isEqualTo("Meu nome é [name] e me chamo assim");
    assertThat(redactor.redact("Me llamo Carlos Ruiz y un usuario llamado Pedro me acosa"))
        .isEqualTo("Me llamo [name] y un usuario llamado [name] me acosa");
  }

  @Test
  void redactsGreetingsSignaturesAddressesAndObfuscatedMail() {
    assertThat(redactor.redact("Hello, Mr. John Carter wrote: Customer John Smith lives at 42 Baker Street, "
        + "mail john.doe at gmail dot com. Regards, Ana Costa"))
        .isEqualTo("Hello, Mr. [name] wrote: Customer [name] lives at [address], mail [email]. Regards, [name]");
    assertThat(redactor.redact("my name is maria silva, moro na Rua das Flores, 46, CNPJ 12.345.678/0001-95"))
        .isEqualTo("my name is [name], moro na [address], CNPJ [id]");
    assertThat(redactor.redact("Hola Diego, vivo en Calle Mayor 12, CURP GODE561231HDFRRN09, juan arroba gmail punto com"))
        .isEqualTo("Hola [name], vivo en [address], CURP [id], [email]");
    assertThat(redactor.redact("I wrote to Customer Service and Dear Sir/Madam")).isEqualTo(
        "I wrote to Customer Service and Dear Sir/Madam");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String text = "The reviewer removed 2 posts about the new private information policy in 2026.";
    assertThat(redactor.redact(text)).isEqualTo(text);
  }
}
