/** The emulator's knobs (one properties record) and how they become the data source. */
package dev.cinderemulator.config;
