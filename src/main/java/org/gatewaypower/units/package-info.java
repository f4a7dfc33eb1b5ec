/**
 * Units as power engineers read them: conversion factors and the display of SI values, shared by the UI,
 * the PDF report and the spreadsheets so that a figure prints the same everywhere.
 */
@ApplicationModule(displayName = "Units", allowedDependencies = {})
package org.gatewaypower.units;

import org.springframework.modulith.ApplicationModule;
