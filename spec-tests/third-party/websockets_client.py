"""Echo client on Python websockets for the fuzzingserver mode (Autobahn's client-testing protocol).

permessage-deflate is offered with websockets' defaults (compression="deflate":
"permessage-deflate; client_max_window_bits", memLevel 5)."""
import asyncio
import json
import sys

import websockets

SERVER = sys.argv[1] if len(sys.argv) > 1 else "ws://127.0.0.1:9003"
AGENT = sys.argv[2] if len(sys.argv) > 2 else "websockets"


async def run_case(i):
    try:
        async with websockets.connect(f"{SERVER}/runCase?case={i}&agent={AGENT}",
                                      max_size=2**26) as ws:
            async for message in ws:
                await ws.send(message)
    except (websockets.exceptions.ConnectionClosed, websockets.exceptions.InvalidMessage, OSError):
        pass
    except Exception as e:  # the client under test failed this case (e.g. a window it cannot use); go on
        print(f"case {i}: {type(e).__name__}: {e}", flush=True)


async def main():
    async with websockets.connect(f"{SERVER}/getCaseCount") as ws:
        count = json.loads(await ws.recv())
    for i in range(1, count + 1):
        await run_case(i)
    async with websockets.connect(f"{SERVER}/updateReports?agent={AGENT}") as ws:
        try:
            await ws.recv()
        except websockets.exceptions.ConnectionClosed:
            pass
    print("ran", count, "cases", flush=True)


asyncio.run(main())
