/** The emulator's knobs (one properties record) and how they become the data source and the clock. */
package dev.cinderemulator.config;
