/**
 * The station's orbit: the Earth–Moon circular restricted three-body problem (CR3BP), the
 * differentially corrected 9:2 southern L2 near-rectilinear halo orbit (NRHO), and its placement in
 * real time and space with a Moon ephemeris.
 *
 * <h2>Units</h2>
 * Inside the CR3BP everything is nondimensional and named with the suffix {@code Nd}: lengths in
 * units of the Earth–Moon distance l*, times in units of t* (so that the primaries' angular
 * velocity is 1), velocities in l* per t*. The rotating frame has its origin at the barycentre, x from
 * the Earth to the Moon, z along the orbital angular momentum of the primaries; the Earth is at
 * (−μ, 0, 0) and the Moon at (1 − μ, 0, 0). At the public boundary of
 * {@link org.gatewaypower.physics.orbit.NrhoTrajectory} quantities are SI (m, s) in geocentric
 * EME2000 axes, time in seconds of TT since J2000.0, as in
 * {@link org.gatewaypower.physics.ephemeris.CelestialEphemeris}.
 *
 * <h2>State layout</h2>
 * A CR3BP state is {@code double[6]} = (x, y, z, ẋ, ẏ, ż). With the variational equations the state
 * is {@code double[42]}: the six above followed by the 6×6 state transition matrix Φ in row-major
 * order (Φ[i][j] at index 6 + 6i + j).
 */
package org.gatewaypower.physics.orbit;
