/**
 * The little of Glance (the image service) that a Cinder client meets without asking for an image:
 * the catalog lists an {@code image} service, and its version document is served, because the
 * {@code openstack} CLI of Debian 12 (python-openstackclient 6.0) builds an image client, with
 * version discovery, for every {@code volume create}. No image is stored or listed.
 */
package dev.cinderemulator.image;
