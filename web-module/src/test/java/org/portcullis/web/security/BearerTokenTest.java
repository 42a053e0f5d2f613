package org.portcullis.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

  @Test
  void readsTheTokenOfABearerHeaderWhateverTheSchemeCase() {
    assertEquals(Optional.of("abc.def"), TokenAuthenticationFilter.bearerToken("Bearer abc.def"));
    assertEquals(Optional.of("abc.def"), TokenAuthenticationFilter.bearerToken("bearer abc.def"));
    assertEquals(Optional.of("abc.def"), TokenAuthenticationFilter.bearerToken("BEARER  abc.def "));
  }

  @Test
  void ignoresEverythingElse() {
    assertTrue(TokenAuthenticationFilter.bearerToken(null).isEmpty());
    assertTrue(TokenAuthenticationFilter.bearerToken("").isEmpty());
    assertTrue(TokenAuthenticationFilter.bearerToken("Bearer ").isEmpty());
    assertTrue(TokenAuthenticationFilter.bearerToken("Basic dXNlcjpwYXNz").isEmpty());
    assertTrue(TokenAuthenticationFilter.bearerToken("Bearerabc.def").isEmpty());
  }
}
