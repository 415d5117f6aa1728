"""What people read: highlighted articles, charts, the explorer, CSV and Excel files, HTML
reports, notebook helpers.
"""
