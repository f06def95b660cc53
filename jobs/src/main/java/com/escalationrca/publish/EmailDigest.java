package com.escalationrca.publish;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.escalationrca.external.ExternalSystemException;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The morning digest by e-mail: one message, plain text and HTML alternatives, to the configured recipients. */
public final class EmailDigest {

  private static final Template TEXT = template("/report/digest.txt.mustache", false);
  private static final Template HTML = template("/report/digest.html.mustache", true);

  private EmailDigest() {
  }

  public static String subject(PublishedRun run, String prefix) {
    return run.headline().replaceFirst("^Escalation RCA", java.util.regex.Matcher.quoteReplacement(prefix));
  }

  public static String text(PublishedRun run) {
    return TEXT.execute(Map.of("run", run, "hasCauses", !run.causes().isEmpty(), "hasDrops", !run.drops().isEmpty()));
  }

  public static String html(PublishedRun run) {
    return HTML.execute(Map.of("run", run, "hasCauses", !run.causes().isEmpty(), "hasDrops", !run.drops().isEmpty()));
  }

  public static void send(JavaMailSender sender, PublishProperties.Email email, PublishedRun run) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(email.from());
      helper.setTo(email.to().stream().filter(t -> !t.isBlank()).toArray(String[]::new));
      helper.setSubject(subject(run, email.subjectPrefix()));
      helper.setText(text(run), html(run));
      sender.send(message);
    } catch (MessagingException | org.springframework.mail.MailException e) {
      throw new ExternalSystemException("the e-mail digest could not be sent: " + e.getMessage(), e);
    }
  }

  private static Template template(String resource, boolean escapeHtml) {
    try (Reader in = new InputStreamReader(EmailDigest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return Mustache.compiler().escapeHTML(escapeHtml).defaultValue("").emptyStringIsFalse(true).compile(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
