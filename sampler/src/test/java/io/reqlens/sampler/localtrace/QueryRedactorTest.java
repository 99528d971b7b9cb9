package io.reqlens.sampler.localtrace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryRedactorTest {

  private final QueryRedactor defaults = QueryRedactor.parse(QueryRedactor.DEFAULT_PARAMS);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "page=2                                  | page=2",
        "token=abc                               | token=REDACTED",
        "access_token=abc&page=1                 | access_token=REDACTED&page=1",
        "PASSWORD=x&pwd=y&passwd=z&secret=s      | PASSWORD=REDACTED&pwd=REDACTED&passwd=REDACTED&secret=REDACTED",
        "apiKey=1&SessionId=2&Authorization=3    | apiKey=REDACTED&SessionId=REDACTED&Authorization=REDACTED",
        "credit_card=4111&cardNumber=4111        | credit_card=REDACTED&cardNumber=REDACTED",
        "token=&flag&x=1                         | token=&flag&x=1",
        "a=1&&token=t                            | a=1&&token=REDACTED",
      })
  void redactsSensitiveValuesOnly(String query, String expected) {
    assertThat(defaults.redactQuery(query)).isEqualTo(expected);
  }

  @Test
  void returnsTheSameInstanceWhenNothingChanges() {
    String q = "page=2&sort=name";
    assertThat(defaults.redactQuery(q)).isSameAs(q);
    String url = "https://h/p?page=2";
    assertThat(defaults.redactUrl(url)).isSameAs(url);
    assertThat(defaults.redactUrl("https://h/p")).isEqualTo("https://h/p");
  }

  @Test
  void redactsOnlyTheQueryOfAFullUrl() {
    assertThat(defaults.redactUrl("https://u:p@h:8443/token=x?token=abc&q=1#token=frag"))
        .isEqualTo("https://u:p@h:8443/token=x?token=REDACTED&q=1#token=frag");
  }

  @Test
  void starRedactsAllAndNoneNothing() {
    assertThat(QueryRedactor.parse("*").redactQuery("a=1&b=2")).isEqualTo("a=REDACTED&b=REDACTED");
    assertThat(QueryRedactor.parse("none").redactQuery("token=1")).isEqualTo("token=1");
    assertThat(QueryRedactor.parse("none").isOff()).isTrue();
    assertThat(QueryRedactor.parse("Foo,bar*").redactQuery("foo=1&BARS=2&baz=3"))
        .isEqualTo("foo=REDACTED&BARS=REDACTED&baz=3");
  }
}
