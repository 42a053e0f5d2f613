package org.portcullis.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleGuardFilterTest {

  @ParameterizedTest
  @CsvSource({
    "/console/customers.xhtml, true",
    "/console/customer.xhtml, true",
    "/console/index.xhtml, false",
    "/console/login.xhtml, false",
    "/console/expired.xhtml, false",
    "/api/v1/ping, false",
    "/register/pattern.html, false"
  })
  void everyConsolePageButTheWaysInNeedsTheViewToken(String path, boolean needsToken) {
    assertEquals(needsToken, ConsoleGuardFilter.needsToken(path));
  }

  @ParameterizedTest(name = "Sec-Fetch-Site={0}, Origin={1} -> {2}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        "same-origin, NONE, true",
        "none, NONE, true",
        "same-site, NONE, false",
        "cross-site, https://console.example.org, false",
        "cross-site, NONE, false",
        "Same-Origin, NONE, true",
        "NONE, https://console.example.org, true",
        "NONE, https://console.example.org:443, true",
        "NONE, https://evil.example.org, false",
        "NONE, http://console.example.org, false",
        "NONE, https://console.example.org:8443, false",
        "NONE, null, false",
        "NONE, '::not a uri', false",
        "NONE, NONE, true",
      })
  void onlyTheConsolesOwnPagesMayPost(String fetchSite, String origin, boolean allowed) {
    assertEquals(
        allowed,
        ConsoleGuardFilter.sameOrigin(fetchSite, origin, "https", "console.example.org", 443));
  }
}
