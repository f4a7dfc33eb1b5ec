package org.gatewaypower.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the node that served each answer in an {@value #HEADER} header, when the node has a name
 * ({@code gateway.node-id}, from {@code GATEWAY_NODE_ID}). The reverse proxy of {@code deploy/nginx.conf}
 * turns it into the cookie that keeps a browser on the node holding its Vaadin session, and operators and
 * tests see which node answered. A single node without a name sends no header.
 *
 * <p>The first filter (before the readiness gate and security), so that a starting node's 503 and a sign-in
 * redirect name the node too: an answer without the name would send the browser's next request to any node.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NodeIdentity extends OncePerRequestFilter {

    static final String HEADER = "X-Gateway-Node";

    private final String nodeId;

    NodeIdentity(@Value("${gateway.node-id:}") String nodeId) {
        this.nodeId = nodeId.strip();
        // The name travels in a header and a cookie and is matched by the proxy: keep it a plain token.
        if (!this.nodeId.matches("[A-Za-z0-9_-]{0,64}")) {
            throw new IllegalArgumentException("gateway.node-id (GATEWAY_NODE_ID) must be at most 64 letters, "
                    + "digits, '-' or '_', not '" + nodeId + "'");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!nodeId.isEmpty()) {
            response.setHeader(HEADER, nodeId);
        }
        chain.doFilter(request, response);
    }
}
