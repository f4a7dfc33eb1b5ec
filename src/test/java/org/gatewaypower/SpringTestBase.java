package org.gatewaypower;

import org.gatewaypower.workspace.TestWorkspaces;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Common configuration of every Spring test, so that they all share one application context (one
 * start, one in-memory database seeded with the demo workspace). Tests that change demo data assert
 * relative to what they read first, or work on workspaces they create.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspaces.class)
public abstract class SpringTestBase {
}
