package dev.eddy.runtime.taskmanager.network.netty;

import io.netty.buffer.ByteBuf;

/** One validated frame: its type and its payload (a retained slice the handler must release). */
record InboundFrame(byte type, ByteBuf payload) {}
