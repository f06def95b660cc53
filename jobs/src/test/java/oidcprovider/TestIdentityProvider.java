package oidcprovider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider (Spring Authorization Server) for the single-sign-on test, on
 * its own port and context, outside the product's packages. Its users carry a "roles" claim:
 * alice → analyst, bob → manager, carol → none of ours.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
    "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration"})
public class TestIdentityProvider {

  public static final String CLIENT_ID = "escalation-rca";
  public static final String CLIENT_SECRET = "test-client-secret";
  public static final String PASSWORD = "provider password";
  private static final Map<String, String> ROLES = Map.of("alice", "analyst", "bob", "manager", "carol", "viewer");

  /** Starts the provider on a free port; the client's redirect goes to the app on appPort. */
  public static ConfigurableApplicationContext start(int appPort) {
    return new SpringApplicationBuilder(TestIdentityProvider.class)
        .web(WebApplicationType.SERVLET)
        .logStartupInfo(false)
        .properties(Map.of("server.port", "0", "server.address", "127.0.0.1",
            // Not the app's JSESSIONID: both run on 127.0.0.1 and cookies ignore ports.
            "server.servlet.session.cookie.name", "IDP_SESSION",
            "spring.flyway.enabled", "false", "spring.batch.job.enabled", "false",
            "test.app-port", String.valueOf(appPort)))
        .run();
  }

  public static int port(ConfigurableApplicationContext provider) {
    return ((WebServerApplicationContext) provider).getWebServer().getPort();
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(server -> {
      http.securityMatcher(server.getEndpointsMatcher());
      server.oidc(Customizer.withDefaults());
    });
    http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain signIn(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  UserDetailsService users() {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    ROLES.keySet().forEach(name -> users.createUser(User.withUsername(name).password("{noop}" + PASSWORD)
        .roles("USER").build()));
    return users;
  }

  @Bean
  RegisteredClientRepository clients(org.springframework.core.env.Environment environment) {
    String appPort = environment.getProperty("test.app-port");
    return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("http://127.0.0.1:" + appPort + "/login/oauth2/code/corp")
        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
        .build());
  }

  /** The role claim and a readable user name in every ID token. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> roles() {
    return context -> {
      if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
        String name = context.getPrincipal().getName();
        context.getClaims().claim("roles", java.util.List.of(ROLES.get(name)));
        context.getClaims().claim("preferred_username", name);
      }
    };
  }

  private final KeyPair pair = keyPair();

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies the provider's own access tokens at its user-info endpoint. */
  @Bean
  org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder() {
    return org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withPublicKey((RSAPublicKey) pair.getPublic()).build();
  }

  @Bean
  JWKSource<SecurityContext> keys() {
    RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
        .keyID(UUID.randomUUID().toString()).build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  AuthorizationServerSettings settings() {
    return AuthorizationServerSettings.builder().build();
  }
}
