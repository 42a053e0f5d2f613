package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BannerTest {

  private static final DemoCredentials DEMO =
      DemoCredentials.unseeded("admin-pw")
          .withSystem("12345678", "a+b/c=")
          .withAccount("demo")
          .withPin("424242");

  private static final Messaging MESSAGING =
      new Messaging(
          "demo SMS gateway on 127.0.0.1:40001 (shows here what it receives)",
          "70707",
          "smtp.example.net:25",
          "Portcullis <no-reply@portcullis.local>");

  @Test
  void pointsAtTheServerItsApiAndTheDemoPage() {
    String text =
        Banner.render(
            Endpoint.of("127.0.0.1", 8080),
            Path.of("/d"),
            "node-1",
            "H2 under /d/db",
            MESSAGING,
            Optional.empty());

    assertTrue(text.contains("http://127.0.0.1:8080/api/v1"), text);
    assertTrue(text.contains("http://127.0.0.1:8080/openapi"), text);
    assertTrue(text.contains("http://127.0.0.1:8080/health/ready"), text);
    assertTrue(text.contains("http://127.0.0.1:8080/demo/pinpad.html"), text);
  }

  @Test
  void saysWhereSmsAndMailGo() {
    String text =
        Banner.render(
            Endpoint.of("127.0.0.1", 8080),
            Path.of("/d"),
            "node-1",
            "H2 under /d/db",
            MESSAGING,
            Optional.empty());

    assertTrue(text.contains("demo SMS gateway on 127.0.0.1:40001"), text);
    assertTrue(text.contains("70707"), text);
    assertTrue(text.contains("smtp.example.net:25"), text);
    assertTrue(text.contains("Portcullis <no-reply@portcullis.local>"), text);
  }

  @Test
  void outsideDemoModeShowsNoCredentials() {
    String text =
        Banner.render(
            Endpoint.of("127.0.0.1", 8080),
            Path.of("/d"),
            "node-1",
            "H2 under /d/db",
            MESSAGING,
            Optional.empty());

    assertFalse(text.contains("admin /"), text);
    assertFalse(text.contains("DEMO"), text);
  }

  @Test
  void demoModeShowsEveryDemoCredential() {
    String text =
        Banner.render(
            Endpoint.of("127.0.0.1", 8080),
            Path.of("/d"),
            "node-1",
            "H2 under /d/db",
            MESSAGING,
            Optional.of(DEMO));

    assertTrue(text.contains("admin / admin-pw"), text);
    assertTrue(text.contains("12345678"), text);
    assertTrue(text.contains("424242"), text);
  }

  @Test
  void demoLinkCarriesTheCredentialsInTheFragmentEncoded() {
    assertEquals(
        "http://127.0.0.1:9000/demo/pinpad.html#system=12345678&secret=a%2Bb%2Fc%3D&account=demo",
        Banner.demoLink(Endpoint.of("127.0.0.1", 9000), DEMO));
  }

  @Test
  void wildcardAndIpv6BindAddressesGiveUsableUris() {
    Endpoint all = Endpoint.of("0.0.0.0", 8080);

    assertEquals("http://127.0.0.1:8080/", all.baseUri().toString());
    assertTrue(all.allInterfaces());
    assertEquals("http://[::1]:8080/", Endpoint.of("::1", 8080).baseUri().toString());
    assertFalse(Endpoint.of("::1", 8080).allInterfaces());
  }
}
