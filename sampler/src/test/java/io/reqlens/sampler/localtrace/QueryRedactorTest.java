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

  /** Issue 15, finding 4: names the application decodes or nests are redacted too. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "pass%77ord=x                            | pass%77ord=REDACTED",
        "PASS%57ORD=x&page=1                     | PASS%57ORD=REDACTED&page=1",
        "pass%2577ord=x                          | pass%2577ord=REDACTED",
        "new_password=x&passwordConfirm=y        | new_password=REDACTED&passwordConfirm=REDACTED",
        "user[password]=x&user[name]=bob         | user[password]=REDACTED&user[name]=bob",
        "user%5Bpassword%5D=x                    | user%5Bpassword%5D=REDACTED",
        "a[b][client_secret]=x                   | a[b][client_secret]=REDACTED",
        "user.pwd=x&oauth_token=y                | user.pwd=REDACTED&oauth_token=REDACTED",
        "X-Amz-Signature=s&X-Amz-Credential=c    | X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED",
        "sig=abc&sv=2020                         | sig=REDACTED&sv=2020",
        "a=1;token=t;b=2                         | a=1;token=REDACTED;b=2",
        "jwt=eyJ&cvv=123                         | jwt=REDACTED&cvv=REDACTED",
        "pass+word=x&page=1                      | pass+word=x&page=1",
      })
  void redactsEncodedNestedAndVariantNames(String query, String expected) {
    assertThat(defaults.redactQuery(query)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "http.request.header.authorization, true",
    "http.request.header.proxy-authorization, true",
    "http.request.header.cookie, true",
    "http.response.header.set-cookie, true",
    "http.request.header.x-api-key, true",
    "http.request.header.x-auth-token, true",
    "http.request.header.x_csrf_token, true",
    "http.request.header.user-agent, false",
    "http.response.header.content-type, false",
    "http.request.method, false",
  })
  void sensitiveHeaderAttributes(String key, boolean sensitive) {
    assertThat(defaults.isSensitiveHeader(key)).isEqualTo(sensitive);
    assertThat(QueryRedactor.parse("none").isSensitiveHeader(key))
        .as("header values are redacted whatever the query setting")
        .isEqualTo(sensitive);
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
