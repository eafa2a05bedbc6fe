print("walkforward")
