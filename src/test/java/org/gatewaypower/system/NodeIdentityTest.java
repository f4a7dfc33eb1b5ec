package org.gatewaypower.system;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The node's name on every answer, for the proxy's sticky sessions; none on an unnamed single node. */
class NodeIdentityTest {

    @Test
    void names_the_node_on_every_answer_also_one_the_chain_ends_early() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new NodeIdentity("node-2").doFilter(new MockHttpServletRequest("GET", "/"), response,
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req,
                                           jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
                        res.sendRedirect("/login");
                    }
                }));
        assertThat(response.getHeader(NodeIdentity.HEADER)).isEqualTo("node-2");
        assertThat(response.getStatus()).isEqualTo(302);
    }

    @Test
    void a_node_without_a_name_sends_no_header() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new NodeIdentity("  ").doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());
        assertThat(response.getHeader(NodeIdentity.HEADER)).isNull();
    }

    @Test
    void refuses_a_name_that_is_not_a_plain_token_naming_the_setting() {
        assertThatThrownBy(() -> new NodeIdentity("node 1; Path=/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GATEWAY_NODE_ID").hasMessageContaining("letters, digits");
    }
}
