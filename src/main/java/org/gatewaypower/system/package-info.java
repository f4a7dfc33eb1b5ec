/**
 * What the application needs to run as a service, apart from its features: the readiness gate that keeps
 * requests out until start-up tasks are done.
 */
package org.gatewaypower.system;
