"""Echo server on Python websockets (asyncio API), as in its Autobahn test setup.

permessage-deflate is on with websockets' defaults (compression="deflate": 12-bit windows both
ways, memLevel 5, context takeover)."""
import asyncio
import sys

import websockets


async def echo(ws, path=None):
    try:
        async for message in ws:
            await ws.send(message)
    except websockets.exceptions.ConnectionClosed:
        pass


async def main(port):
    async with websockets.serve(echo, "127.0.0.1", port, max_size=2**26):
        print("websockets echo on", port, flush=True)
        await asyncio.Future()


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 9002))
