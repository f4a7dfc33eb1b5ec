/**
 * The station's power network: each element's 120 V primary bus and 28 V secondary bus, the DC-DC converters
 * between them and the 120 V ports between elements.
 *
 * <h2>Model and its limits</h2>
 * <ul>
 *   <li>Buses are ideal and sit at their nominal voltage: a bus carrying power P (W) carries the current
 *       I = P / V (A) with V = 120 V or 28 V; voltage drops and harness (cable) losses are not modelled.</li>
 *   <li>A converter's efficiency is constant, independent of its load; its input (W) is output / efficiency and its
 *       loss is input − output. Several converters of one element share its 28 V load in proportion to their
 *       ratings (W).</li>
 *   <li>Ports connect the elements' 120 V buses and form a tree (a forest when some elements are not connected):
 *       the flow through each port then follows from the power balance alone.</li>
 *   <li>Where power enters is given per element as a source weight: the analysis uses, in sunlight, the arrays'
 *       power (all power enters at the elements with arrays), and in eclipse the batteries' discharge limits
 *       (W). Within each connected part of the network the demand is supplied by its sources in proportion to
 *       their weights; a part with demand but no source is reported as unsupplied.</li>
 * </ul>
 */
package org.gatewaypower.physics.network;
