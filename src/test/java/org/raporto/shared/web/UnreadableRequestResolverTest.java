package org.raporto.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MultipartException;

import static org.assertj.core.api.Assertions.assertThat;

class UnreadableRequestResolverTest {

    private final UnreadableRequestResolver resolver = new UnreadableRequestResolver();

    @Test
    void whatTheFirewallRefusesWhileTheRequestIsReadIsABadRequest() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        var handled = resolver.resolveException(new MockHttpServletRequest("POST", "/en/raporto/form"), response, null,
                new RequestRejectedException("The request was rejected because the parameter name \"\u001B\" is not allowed."));

        assertThat(handled).isNotNull();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getErrorMessage()).as("nothing of what was refused").isNull();
    }

    @Test
    void aMultipartFormThatDoesNotParseIsABadRequest() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        var handled = resolver.resolveException(new MockHttpServletRequest("POST", "/en/raporto/form"), response, null,
                new MultipartException("Failed to parse multipart servlet request", new IllegalArgumentException("Invalid content disposition format")));

        assertThat(handled).isNotNull();
        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void otherFailuresAreLeftToTheResolversAfterIt() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null, new IllegalStateException())).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
