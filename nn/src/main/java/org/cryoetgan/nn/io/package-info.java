/**
 * safetensors reading and writing (F32, validated), single-module weight files, and atomic training
 * checkpoints holding modules, optimizer state and JSON metadata.
 */
package org.cryoetgan.nn.io;
