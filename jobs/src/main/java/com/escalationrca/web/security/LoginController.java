package com.escalationrca.web.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** The sign-in page: the form (posting to Spring Security's /login) and a button per identity provider. */
@Controller
public class LoginController {

  private final ObjectProvider<ClientRegistrationRepository> registrations;

  public LoginController(ObjectProvider<ClientRegistrationRepository> registrations) {
    this.registrations = registrations;
  }

  /** An identity provider to offer: its registration id and display name. */
  public record Provider(String id, String name) {
  }

  @GetMapping("/login")
  public String login(Model model) {
    List<Provider> providers = new ArrayList<>();
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      for (Object r : all) {
        ClientRegistration registration = (ClientRegistration) r;
        providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
      }
    }
    model.addAttribute("providers", providers);
    return "login";
  }
}
